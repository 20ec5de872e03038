-- Storage quotas and the removal of files no message refers to.

-- An organization's storage is summed at every upload, under the organization's advisory lock;
-- the index answers that sum without reading the files.
ALTER TABLE conversation_files ADD COLUMN organization_id uuid;
UPDATE conversation_files
SET organization_id = conversations.organization_id
FROM conversations
WHERE conversations.id = conversation_files.conversation_id;
ALTER TABLE conversation_files ALTER COLUMN organization_id SET NOT NULL;
CREATE INDEX conversation_files_organization ON conversation_files (organization_id) INCLUDE (size);

-- Set by the cleanup job once a message of the conversation refers to the file, so the file is kept
-- and never looked at again. Files uploaded before this migration start unattached: the job looks
-- for their messages like any other's.
ALTER TABLE conversation_files ADD COLUMN attached boolean NOT NULL DEFAULT false;
CREATE INDEX conversation_files_unattached ON conversation_files (created_at) WHERE NOT attached;
