-- Whether the vehicle still has its manufacturer's warranty, as the dealer submitted it (optional):
-- California gives a used car without one a 30-day free look instead of 60. Null when not given,
-- and for every contract submitted before this column existed.
ALTER TABLE contract ADD COLUMN manufacturer_warranty_in_force boolean;
