-- What the partner writes about a document (its name, note and the agent's e-mail) can be personal data: sealed
-- under the installation's AEAD key with the document as associated data. The plaintext columns are written empty
-- from now on ('' for the not-null name); the "seal-plaintext-document-details" pass empties earlier rows, and a
-- later release drops them.
alter table document add column sealed_name text;
alter table document add column sealed_note text;
alter table document add column sealed_note_author text;
