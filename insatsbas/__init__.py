"""Insatsbas: the catalogue of interventions for newly arrived people on Södertörn."""

__version__ = "0.1.0"
