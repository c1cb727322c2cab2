"""What people read: kg extract's renderings, GraphML and JSON, the HTML report, stats and explanations."""
