"""Signed setup bundles for clinics with many machines (docs/fleet.md).

A bundle is one archive holding a content pack and a clinic config, with a minisign signature
over a manifest that names the version and the SHA-256 of every file. Machines whose clinic
config has a `[managed]` table look in a folder the clinic's own tools fill (share, USB stick,
Intune, Jamf, Ansible) and apply a newer bundle while idle. Nothing is fetched over the network.

One job per module: signing (keys and signatures), manifest (what is signed), archive (writing
and safely reading the archive), build (bundle create), install (unpacking and switching),
status (what staff are told), watch (looking in the folder), startup (what to start with),
commands (the `bundle` command line).
"""
