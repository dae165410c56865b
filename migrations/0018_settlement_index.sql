-- The daily check of settlement plans (cases.documents.service.ts, noticeMissedInstallments) reads
-- the agreements of open cases only.
CREATE INDEX case_documents_settlements ON case_documents (case_id) WHERE kind = 'settlement_agreement';
