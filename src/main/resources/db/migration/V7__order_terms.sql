-- An order keeps the terms it was submitted under (spec §6a): the payment system's commission,
-- fixed fee and currencies, and the exchange rates its price, fee and net were computed at. A
-- manager's correction reprices with these, so editing the payment system or a rate later never
-- changes an open order. Orders opened before this migration take their payment system's terms
-- as they stand now, and no rates: a correction of such an order converts at the stored rates.
ALTER TABLE orders ADD COLUMN terms_commission_percent DECIMAL(7, 4);
ALTER TABLE orders ADD COLUMN terms_fixed_fee_amount DECIMAL(19, 4);
ALTER TABLE orders ADD COLUMN terms_fixed_fee_currency VARCHAR(3);
ALTER TABLE orders ADD COLUMN terms_account_currency VARCHAR(3);
ALTER TABLE orders ADD COLUMN terms_transaction_currency VARCHAR(3);
ALTER TABLE orders ADD COLUMN terms_supported_currencies VARCHAR(1000);
-- The rates used, as FROM>TO=rate pairs separated by commas (at most three pairs: the price's
-- conversion, the fixed fee's, and the net's).
ALTER TABLE orders ADD COLUMN terms_rates VARCHAR(200) NOT NULL DEFAULT '';
UPDATE orders SET
    terms_commission_percent = (SELECT ps.commission_percent FROM payment_systems ps WHERE ps.id = orders.payment_system_id),
    terms_fixed_fee_amount = (SELECT ps.fixed_fee_amount FROM payment_systems ps WHERE ps.id = orders.payment_system_id),
    terms_fixed_fee_currency = (SELECT ps.fixed_fee_currency FROM payment_systems ps WHERE ps.id = orders.payment_system_id),
    terms_account_currency = (SELECT ps.account_currency FROM payment_systems ps WHERE ps.id = orders.payment_system_id),
    terms_transaction_currency = (SELECT ps.transaction_currency FROM payment_systems ps WHERE ps.id = orders.payment_system_id),
    terms_supported_currencies = (SELECT ps.supported_currencies FROM payment_systems ps WHERE ps.id = orders.payment_system_id);
ALTER TABLE orders MODIFY COLUMN terms_commission_percent DECIMAL(7, 4) NOT NULL;
ALTER TABLE orders MODIFY COLUMN terms_account_currency VARCHAR(3) NOT NULL;
ALTER TABLE orders MODIFY COLUMN terms_transaction_currency VARCHAR(3) NOT NULL;
ALTER TABLE orders MODIFY COLUMN terms_supported_currencies VARCHAR(1000) NOT NULL;
