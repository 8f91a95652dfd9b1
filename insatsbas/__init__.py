"""Insatsbas: a catalogue of interventions for newly arrived people, one region's catalogue folder at a time."""

__version__ = "0.1.0"
