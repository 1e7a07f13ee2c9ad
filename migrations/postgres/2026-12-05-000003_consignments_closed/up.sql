-- A consignment whose certificate or non-conformity notice is issued is closed: issuing closes
-- it from now on, and this closes those issued before. The certifiers' queue then walks only
-- the consignments tested since, not every one ever certified.
UPDATE consignments SET status = 'closed'
WHERE status <> 'closed'
  AND EXISTS (SELECT 1 FROM certificates
              WHERE certificates.consignment_id = consignments.id
                AND certificates.status IN ('issued', 'replaced', 'revoked'));

-- The planner's figures for the statuses just changed (autovacuum would catch up later).
ANALYZE consignments;
