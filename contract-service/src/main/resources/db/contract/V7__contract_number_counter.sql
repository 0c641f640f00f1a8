-- The last issue taken on each contract-number base (form prefix + last 8 of the VIN). Issuing
-- a number is one upsert on this row: the row lock serialises submissions on one base and the
-- increment is the count, where an advisory lock plus a scan of the base's numbers took two
-- round trips. A rolled-back submission rolls its increment back, so issues have no gaps.
CREATE TABLE contract_number_base (
    base       text    PRIMARY KEY,
    last_issue integer NOT NULL CHECK (last_issue >= 1)
);

INSERT INTO contract_number_base (base, last_issue)
SELECT split_part(contract_number, '-', 1),
       max(CASE WHEN position('-' IN contract_number) > 0 THEN split_part(contract_number, '-', 2)::integer ELSE 1 END)
FROM contract
GROUP BY 1;

-- Issuing no longer scans a base's numbers: the pattern index V3 added for that scan only slowed inserts.
DROP INDEX contract_number_pattern;
