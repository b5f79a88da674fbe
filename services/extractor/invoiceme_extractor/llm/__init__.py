"""LLM providers (Groq, Ollama) behind one Protocol, with the plumbing every HTTP model call needs."""
