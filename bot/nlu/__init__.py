"""Custom Rasa NLU components (graph components registered with the default recipe)."""
