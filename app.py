"""pressdraft's web app entry point: page set-up and navigation only (see src/pressdraft/ui/)."""

import streamlit as st

st.set_page_config(page_title="pressdraft", layout="wide")
st.title("pressdraft")
st.write("The web app is being built; use the `pressdraft` command line meanwhile.")
