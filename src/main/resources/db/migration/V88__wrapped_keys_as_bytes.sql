-- Wrapped keys are stored as the bytes Tink writes, not as base64 text: three data keys a journey (the customer's
-- and one per stored document) each took a quarter more as text.
alter table data_key alter column wrapped_key type bytea using decode(wrapped_key, 'base64');
alter table key_encryption_key alter column wrapped_key type bytea using decode(wrapped_key, 'base64');
