-- A rule version a quote was computed under is the record of how that quote was, and will be,
-- approved: it is never changed or removed. A change to a rule is a new version (V7).
-- Only what computes a refund is guarded (a later migration may fill in a new column of its own), and the
-- function finds refund_quote in the schema it was created in, whatever the caller's search_path.
CREATE FUNCTION refund_rule_version_in_use() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM refund_quote q WHERE q.rule_code = OLD.rule_code AND q.rule_version = OLD.version) THEN
        RAISE EXCEPTION 'refund rule % version % is used by quotes: add a new version instead of changing it', OLD.rule_code, OLD.version
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;

CREATE TRIGGER refund_rule_versions_in_use_are_immutable
    BEFORE UPDATE OF rule_code, version, effective_from, state, product_code, free_look_days, free_look_days_without_warranty,
                     free_look_despite_claims, method, fee_type, fee_flat, fee_percent, fee_cap, deducts_claims, refund_due_days
              OR DELETE ON refund_rule
    FOR EACH ROW EXECUTE FUNCTION refund_rule_version_in_use();
