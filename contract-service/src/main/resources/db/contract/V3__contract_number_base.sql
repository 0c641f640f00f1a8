-- Contract numbers are issued per base (form prefix + last 8 of the VIN): the next issue is
-- found with "contract_number LIKE base || '-%'", which this index serves under any collation.
CREATE INDEX contract_number_pattern ON contract (contract_number text_pattern_ops);
