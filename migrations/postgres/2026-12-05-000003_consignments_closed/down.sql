UPDATE consignments SET status = 'tested' WHERE status = 'closed';
