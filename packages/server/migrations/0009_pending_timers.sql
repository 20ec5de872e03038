-- A pending timer used to be recorded as its job id alone; it now also carries the engine's timer id
-- and the due times (conversations/pending-timers.ts). A due time of 0 lets the waiting job fire the
-- timer when it comes, as it would have before.
UPDATE conversations
SET timer_jobs = (
  SELECT jsonb_object_agg(
    entry.key,
    CASE
      WHEN jsonb_typeof(entry.value) = 'string' THEN jsonb_build_object(
        'jobId', entry.value #>> '{}',
        'timerId', coalesce(state -> 'timers' ->> entry.key, ''),
        'dueAt', 0,
        'jobDueAt', 0
      )
      ELSE entry.value
    END
  )
  FROM jsonb_each(timer_jobs) AS entry
)
WHERE EXISTS (SELECT 1 FROM jsonb_each(timer_jobs) AS entry WHERE jsonb_typeof(entry.value) = 'string');
