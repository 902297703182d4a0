-- An event about an object that an earlier event created (an edit, a like or a deletion of a
-- post, a reply in its thread) records that earlier event's sequence number: a member of a
-- group whose history rule is 'joined' receives it only when the object is theirs to see.
ALTER TABLE events ADD COLUMN origin_seq %BIGINT%;
