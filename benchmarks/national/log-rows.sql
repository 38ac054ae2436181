-- What one disclosure entry with 20 redaction rows takes in the PostgreSQL log, on disk with its
-- indexes: 100,000 synthetic entries in copies of the log's own tables (LIKE ... INCLUDING ALL
-- keeps the columns, keys and indexes), values of realistic length. Run in a database that holds
-- the log's schema (workers.sh runs it after its last run):
--   psql "$QUEUE" -qAtX -f benchmarks/national/log-rows.sql
CREATE TABLE m_entry (LIKE entry INCLUDING ALL);
CREATE TABLE m_disclosure (LIKE disclosure INCLUDING ALL);
CREATE TABLE m_redaction (LIKE redaction INCLUDING ALL);

INSERT INTO m_entry (seq, entry_id, kind, recorded_at, area, prev_hash, hash)
SELECT g, gen_random_uuid()::text, 'disclosure',
       to_char(timestamp '2026-04-01' + g * interval '90 seconds', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
       (ARRAY['cps-wessex', 'cps-london-north', 'cps-mersey-cheshire'])[1 + g % 3],
       encode(sha256(g::text::bytea), 'hex'), encode(sha256((g + 1)::text::bytea), 'hex')
FROM generate_series(1, 100000) g;

INSERT INTO m_disclosure (seq, disclosed_at, case_ref, document_name, original_sha256, redacted_sha256, operator,
                          recipient, pack_version, tool_version, redaction_count, text_scanner, text_redactions,
                          profile, profile_version, section14)
SELECT g, to_char(timestamp '2026-04-01' + g * interval '90 seconds', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
       '01YE' || lpad(g::text, 7, '0'), 'statement_' || g || '.txt',
       encode(sha256(('o' || g)::bytea), 'hex'), encode(sha256(('r' || g)::bytea), 'hex'), 'op-17',
       'defence', '2026.11', '0.1.0', 20, 'redact 0.1.0 uk 2026.11', 0, 'defence', '1', 'list-a-to-list-b'
FROM generate_series(1, 100000) g;

INSERT INTO m_redaction (seq, ordinal, category, rule, byte_start, byte_end, style, justification)
SELECT g, k, (ARRAY['person_name', 'nhs_number', 'postcode', 'phone_number'])[1 + k % 4],
       (ARRAY['person_name.party', 'nhs_number.spaced', 'postcode.full', 'phone_number.uk_mobile'])[1 + k % 4],
       k * 300, k * 300 + 12, 'label', 'third-party-data'
FROM generate_series(1, 100000) g, generate_series(0, 19) k;

VACUUM ANALYZE m_entry, m_disclosure, m_redaction;
SELECT 'disclosure entry + 20 redactions, bytes each: '
       || round((pg_total_relation_size('m_entry') + pg_total_relation_size('m_disclosure')
                 + pg_total_relation_size('m_redaction')) / 100000.0)
       || ' (entry ' || round(pg_total_relation_size('m_entry') / 100000.0)
       || ', disclosure ' || round(pg_total_relation_size('m_disclosure') / 100000.0)
       || ', redaction rows ' || round(pg_total_relation_size('m_redaction') / 100000.0) || ')';
DROP TABLE m_entry, m_disclosure, m_redaction;
