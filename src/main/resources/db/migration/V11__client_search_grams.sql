-- The client search (GET /api/v1/clients?q=) matches anywhere inside a name, email or phone, which
-- no B-tree index on the values can serve. Each client's lower-cased name and email and its phone
-- are cut into trigrams (every run of 3 characters); a term of 3 or more characters can only be in
-- a client that has all its trigrams, so the search reads the clients listed under the term's
-- rarest trigrams and checks the term on those few rows (ClientSearchIndex). The application
-- rewrites a client's trigrams in the transaction that creates or edits the client.
CREATE TABLE client_search_grams (
    gram      VARCHAR(12) NOT NULL,
    client_id BIGINT      NOT NULL,
    CONSTRAINT pk_client_search_grams PRIMARY KEY (gram, client_id),
    CONSTRAINT fk_client_search_grams_client FOREIGN KEY (client_id) REFERENCES crm_clients (id)
);
CREATE INDEX idx_client_search_grams_client ON client_search_grams (client_id);

-- The clients already stored (the manual account at least) get their trigrams here, in SQL that
-- MariaDB and H2 both run: positions 1 to 1000 come from a table of digits (a value holds at
-- most 254 characters).
CREATE TABLE client_search_gram_digits (d INT NOT NULL);
INSERT INTO client_search_gram_digits (d) VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9);
INSERT INTO client_search_grams (gram, client_id)
SELECT DISTINCT SUBSTRING(v.val, p.n, 3), v.client_id
FROM (SELECT id AS client_id, LOWER(name) AS val FROM crm_clients
      UNION ALL SELECT id, LOWER(email) FROM crm_clients WHERE email IS NOT NULL
      UNION ALL SELECT id, phone FROM crm_clients WHERE phone IS NOT NULL) v
JOIN (SELECT a.d * 100 + b.d * 10 + c.d + 1 AS n
      FROM client_search_gram_digits a CROSS JOIN client_search_gram_digits b CROSS JOIN client_search_gram_digits c) p
  ON p.n <= CHAR_LENGTH(v.val) - 2;
DROP TABLE client_search_gram_digits;
