-- A certificate's frozen contents are stored deflated (`Contents::to_stored`): bytes, not
-- text. The contents stored before stay plain JSON, which the reader still takes.
ALTER TABLE certificates ALTER COLUMN contents TYPE bytea USING convert_to(contents, 'UTF8');
