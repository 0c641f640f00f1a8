-- The vehicle's make as contract.submitted.v1 carries it (optional within v1), so the cancellations
-- register can be entitled by make like the other registers. Contracts projected before this column
-- existed have none: their cancellations go to partners entitled by dealer alone, never to one
-- entitled by make (deny by default).
ALTER TABLE contract_projection ADD COLUMN make text;
