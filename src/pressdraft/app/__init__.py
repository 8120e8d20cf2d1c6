"""The app layer: the one service the web interface and the command line both call.

``service`` holds the use cases (drafts, downloads, directory, templates through ``workshop``,
administration through ``admin``); ``authorization`` is where each role's permissions are enforced,
whatever the caller; ``auth`` says who the session's account is; ``settings`` declares the
deployment's settings. The app chooses how templates run (trusted in-process, others sandboxed).
"""
