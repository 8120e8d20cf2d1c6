"""The Streamlit interface: pages and one widget per field type; no business logic.

Pages call the app service only (``state.app()``); they never import the store or the pipeline.
"""
