DROP INDEX consignments_post_planned_idx;
DROP INDEX tests_withdrawn_idx;
