"""kg: who said what about which company, from Chinese industry news."""
__version__ = "0.1.0"
