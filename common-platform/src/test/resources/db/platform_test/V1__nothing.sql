-- the platform test service owns no tables of its own; the platform's migrations add the rest
SELECT 1;
