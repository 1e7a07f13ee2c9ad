-- A certificate's frozen contents are stored deflated (`Contents::to_stored`): bytes, not
-- text. SQLite keeps a blob in the text column as it is, and the contents stored before stay
-- plain JSON, which the reader still takes: nothing to change here but this note, kept so
-- that both migration trees hold the same steps.
SELECT 1;
