-- Wrapped keys are stored as the bytes Tink writes (db/migration/V88). SQLite stores a blob as it is, whatever the
-- column's declared type, so nothing changes here: the keys that earlier versions wrote stay base64 text, which
-- keys/Tink.storedWrapped reads as well (SQLite has no base64 decoder in SQL to convert them in place).
select 1;
