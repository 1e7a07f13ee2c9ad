DROP INDEX tests_withdrawn_idx;
