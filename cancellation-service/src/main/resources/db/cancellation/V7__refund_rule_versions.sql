-- Refund rules have versions. A quote names the rule version it used, and its approval recomputes
-- under that version, so changing a rule never changes how an older quote is approved or audited:
-- a change is a new version with the date it takes effect, never an UPDATE of a version in use.
-- A new quote takes, for its state and product, the version in effect on the quote's date.
ALTER TABLE refund_quote DROP CONSTRAINT refund_quote_rule_code_fkey;
ALTER TABLE refund_rule DROP CONSTRAINT refund_rule_pkey;
ALTER TABLE refund_rule DROP CONSTRAINT refund_rule_state_product_code_key;

ALTER TABLE refund_rule
    -- every rule so far is its first version, in effect since before the first sale
    ADD COLUMN version        integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    ADD COLUMN effective_from date    NOT NULL DEFAULT DATE '2000-01-01',
    -- the free look of a vehicle known to have no manufacturer's warranty in force, where the state
    -- makes the difference (California: 30 days for a used car instead of 60); null: no difference
    ADD COLUMN free_look_days_without_warranty integer CHECK (free_look_days_without_warranty >= 0);
ALTER TABLE refund_rule ALTER COLUMN version DROP DEFAULT, ALTER COLUMN effective_from DROP DEFAULT;
ALTER TABLE refund_rule ADD PRIMARY KEY (rule_code, version);
ALTER TABLE refund_rule ADD UNIQUE (state, product_code, effective_from);

ALTER TABLE refund_quote ADD COLUMN rule_version integer NOT NULL DEFAULT 1;
ALTER TABLE refund_quote ALTER COLUMN rule_version DROP DEFAULT;
ALTER TABLE refund_quote ADD FOREIGN KEY (rule_code, rule_version) REFERENCES refund_rule (rule_code, version);

-- California VSC, version 2: what version 1 said it did not distinguish yet.
INSERT INTO refund_rule (rule_code, version, effective_from, state, product_code, free_look_days, free_look_days_without_warranty,
                         free_look_despite_claims, method, fee_type, fee_flat, fee_percent, fee_cap, deducts_claims,
                         refund_due_days, late_penalty, note)
SELECT rule_code, 2, DATE '2026-12-06', state, product_code, free_look_days, 30, free_look_despite_claims, method, fee_type,
       fee_flat, fee_percent, fee_cap, deducts_claims, refund_due_days, late_penalty,
       'California: 60-day free look if no claim, 30 for a used car without its manufacturer''s warranty; fee the lesser of 10% and $25'
FROM refund_rule WHERE rule_code = 'CA-VSC' AND version = 1;

-- What the rule needs of the contract: from contract.submitted.v1 (optional within v1); null for
-- contracts projected before, and when the dealer did not say (the standard free look applies).
ALTER TABLE contract_projection ADD COLUMN manufacturer_warranty_in_force boolean;
