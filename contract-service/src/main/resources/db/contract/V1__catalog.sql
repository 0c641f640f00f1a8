-- Product catalog: a provider adds a product or plan by adding rows, not by releasing code.
CREATE TABLE product (
    product_code     text    PRIMARY KEY CHECK (product_code ~ '^[A-Z][A-Z0-9_]{1,19}$'),
    name             text    NOT NULL,
    -- contract numbers start with it: prefix + last 8 of the VIN
    form_prefix      text    NOT NULL UNIQUE CHECK (form_prefix ~ '^[A-Z]{2,4}$'),
    has_mileage_term boolean NOT NULL
);

CREATE TABLE plan (
    plan_code              text          PRIMARY KEY,
    product_code           text          NOT NULL REFERENCES product,
    name                   text          NOT NULL,
    term_months            integer       NOT NULL CHECK (term_months > 0),
    term_miles             integer       CHECK (term_miles > 0),
    deductible             numeric(12,2) NOT NULL DEFAULT 0 CHECK (deductible >= 0),
    deductible_type        text          NOT NULL DEFAULT 'STANDARD' CHECK (deductible_type IN ('NONE', 'STANDARD', 'DISAPPEARING')),
    -- eligibility; null means no limit
    max_vehicle_age_years  integer,
    max_odometer           integer,
    eligible_makes         text[],
    -- pricing
    dealer_cost            numeric(12,2) NOT NULL CHECK (dealer_cost > 0),
    suggested_retail       numeric(12,2) NOT NULL CHECK (suggested_retail >= dealer_cost),
    -- GAP limits
    max_amount_financed    numeric(12,2),
    max_loan_term_months   integer,
    active                 boolean       NOT NULL DEFAULT true
);

-- States that regulate the retail price of service contracts.
CREATE TABLE state_retail_rule (
    state char(2) PRIMARY KEY,
    rule  text    NOT NULL CHECK (rule IN ('RETAIL_EQUALS_SUGGESTED', 'RETAIL_AT_MOST_SUGGESTED')),
    note  text    NOT NULL
);

INSERT INTO product (product_code, name, form_prefix, has_mileage_term) VALUES
    ('VSC',        'Vehicle Service Contract', 'VSC', true),
    ('GAP',        'GAP Waiver',               'GAP', false),
    ('TIRE_WHEEL', 'Tire & Wheel Protection',  'TW',  true),
    ('APPEARANCE', 'Appearance Protection',    'APP', false);

INSERT INTO plan (plan_code, product_code, name, term_months, term_miles, deductible, deductible_type,
                  max_vehicle_age_years, max_odometer, eligible_makes, dealer_cost, suggested_retail,
                  max_amount_financed, max_loan_term_months) VALUES
    ('VSC-36-36-100',  'VSC', 'Powertrain Plus 36/36,000, $100 deductible', 36,  36000, 100, 'STANDARD',     12, 150000, NULL, 850.00, 1695.00, NULL, NULL),
    ('VSC-48-60-100',  'VSC', 'Major Guard 48/60,000, $100 deductible',     48,  60000, 100, 'STANDARD',     10, 125000, NULL, 995.00, 1995.00, NULL, NULL),
    ('VSC-60-75-100',  'VSC', 'Major Guard 60/75,000, $100 deductible',     60,  75000, 100, 'STANDARD',     10, 125000, NULL, 1100.00, 2195.00, NULL, NULL),
    ('VSC-60-75-0',    'VSC', 'Major Guard 60/75,000, $0 deductible',       60,  75000,   0, 'NONE',         10, 125000, NULL, 1290.00, 2495.00, NULL, NULL),
    ('VSC-84-100-250', 'VSC', 'Exclusionary 84/100,000, $250 disappearing', 84, 100000, 250, 'DISAPPEARING',  6,  80000, NULL, 1450.00, 2895.00, NULL, NULL),
    ('VSC-84-125-0',   'VSC', 'Platinum 84/125,000, $0 deductible',         84, 125000,   0, 'NONE',          5,  60000,
        ARRAY['HONDA', 'ACURA', 'TOYOTA', 'LEXUS'], 1690.00, 3295.00, NULL, NULL),
    ('GAP-72',         'GAP', 'GAP Waiver up to 72-month loans',            72,   NULL,   0, 'NONE',       NULL,   NULL, NULL, 250.00,  695.00, 100000.00, 72),
    ('GAP-84',         'GAP', 'GAP Waiver up to 84-month loans',            84,   NULL,   0, 'NONE',       NULL,   NULL, NULL, 295.00,  795.00, 150000.00, 84),
    ('TW-36',          'TIRE_WHEEL', 'Tire & Wheel 36 months / 36,000',     36,  36000,   0, 'NONE',       NULL,   NULL, NULL, 199.00,  499.00, NULL, NULL),
    ('TW-60',          'TIRE_WHEEL', 'Tire & Wheel 60 months / 60,000',     60,  60000,   0, 'NONE',       NULL,   NULL, NULL, 299.00,  699.00, NULL, NULL),
    ('APP-60',         'APPEARANCE', 'Appearance 60 months',                60,   NULL,   0, 'NONE',       NULL,   NULL, NULL, 149.00,  499.00, NULL, NULL);

INSERT INTO state_retail_rule (state, rule, note) VALUES
    ('FL', 'RETAIL_EQUALS_SUGGESTED',  'Florida: the retail price must equal the filed (suggested) price'),
    ('NY', 'RETAIL_AT_MOST_SUGGESTED', 'New York: the retail price must not exceed the filed (suggested) price');
