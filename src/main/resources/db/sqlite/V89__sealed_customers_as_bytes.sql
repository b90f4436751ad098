-- A customer's sealed body is stored as the bytes Tink writes (db/migration/V89). As with V88's wrapped keys, SQLite
-- takes the blobs in the same column and the bodies that earlier versions wrote stay base64 text, which
-- keys/Sealer.openStored reads as well.
select 1;
