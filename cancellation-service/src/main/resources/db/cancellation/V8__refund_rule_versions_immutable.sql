-- A rule version a quote was computed under is the record of how that quote was, and will be,
-- approved: it is never changed or removed. A change to a rule is a new version (V7).
CREATE FUNCTION refund_rule_version_in_use() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM refund_quote q WHERE q.rule_code = OLD.rule_code AND q.rule_version = OLD.version) THEN
        RAISE EXCEPTION 'refund rule % version % is used by quotes: add a new version instead of changing it', OLD.rule_code, OLD.version
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;

CREATE TRIGGER refund_rule_versions_in_use_are_immutable
    BEFORE UPDATE OR DELETE ON refund_rule
    FOR EACH ROW EXECUTE FUNCTION refund_rule_version_in_use();
