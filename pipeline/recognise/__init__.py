"""Recognition: what one sentence names, each kind in its own module.

organisations (gazetteer, legal and coined names), titles, names (a person's
name cut from context), anonymous (unnamed sources), model (the trained NER's
spans made hits) and lines_rules (the post-rules of ``kg extract --lines``).
Offsets in a Hit are relative to the sentence text.
"""
