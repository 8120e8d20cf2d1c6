"""The app layer: what the web interface and the command line call, and nothing else does.

``service`` holds the use cases of a signed-in session (drafts, downloads, the directory, templates
through ``workshop``, administration through ``admin``); ``workspace`` is a draft open in the form and
``editing`` its changes by path and row id; ``authorization`` enforces each role's permissions on every
change, whatever the caller; ``auth`` says who the session's account is; ``settings`` declares the
deployment's settings. For the command line, ``standalone`` renders and checks files on disk and
``database`` runs the store's operator commands. ``trust`` chooses how templates run (the shipped ones
in-process, any other in the sandbox): nothing below this layer decides it.
"""
