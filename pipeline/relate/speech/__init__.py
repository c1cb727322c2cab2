"""Speech attribution, split as citron splits it: cues (the speech verbs), content (what was
said), source (who said it); attribute puts them together for one sentence, and statements
makes an article's statements of what it finds (with what they are about, and quotations
that open a sentence of their own attached to their speaker)."""
