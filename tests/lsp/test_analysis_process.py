"""Analyses run in processes of their own (`lsp/pool.py`): one that dies is replaced, the
document is checked again, and the server keeps answering meanwhile.

The tests kill the analysis process with SIGKILL in the middle of the analysis of a document
of 3,000 bad `fit` calls, as the kernel's OOM killer (or a crash in a C extension) would, or
stop it with SIGSTOP, as an analysis stuck where it never checks for a cancel. Every wait is a
hang guard that only runs out when nothing comes (the server's own 10 s limit for a stale
analysis is its policy, not the test's).
"""

from __future__ import annotations

import os
import signal

from lsprotocol import types
from pytest_lsp import LanguageClient

from bench.processes import children

from ..hardening.slow_documents import bad_fits
from .test_responsive import (
    HANG_GUARD,
    SLOW,
    SLOW_URI,
    SMALL,
    SMALL_URI,
    hover_params,
    open_only,
    record_publishes,
    record_statuses,
    until,
)
from .util import diagnostics, errors, line_of


def server_pid(client: LanguageClient) -> int:
    return client._server.pid  # type: ignore[union-attr]


async def kill_analysis_process(client: LanguageClient, not_before: set[int]) -> int:
    """Kill the server's analysis process (one not in `not_before`) once it runs."""
    found: list[int] = []

    def started() -> bool:
        found[:] = [pid for pid in children(server_pid(client)) if pid not in not_before]
        return bool(found)

    await until(started, "no analysis process was started")
    os.kill(found[0], signal.SIGKILL)
    return found[0]


async def test_a_killed_analysis_process_is_replaced_and_the_document_checked(
    vscode: LanguageClient,
) -> None:
    client = vscode
    statuses = record_statuses(client)
    record_publishes(client)
    open_only(client, SLOW_URI, SLOW)
    await until(lambda: SLOW_URI in statuses, "the slow analysis never started")
    killed = await kill_analysis_process(client, set())
    # The server answers for another document at once...
    open_only(client, SMALL_URI, SMALL)
    hover = await client.text_document_hover_async(hover_params(line_of(SMALL, "LSTM(")))
    assert hover is not None and "(None, 20, 5)" in hover.contents.value  # type: ignore[union-attr]
    # ...and the slow document is analysed again in a new process, in full.
    slow = await diagnostics(client, SLOW_URI, timeout=HANG_GUARD)
    assert len(errors(slow)) == 3_000
    assert killed not in children(server_pid(client))
    assert any(
        f"analysis process {killed} ended unexpectedly" in m.message for m in client.log_messages
    )


async def test_a_version_that_ends_its_process_twice_gets_ss000_and_the_next_is_checked(
    vscode: LanguageClient,
) -> None:
    client = vscode
    statuses = record_statuses(client)
    published = record_publishes(client)
    open_only(client, SLOW_URI, SLOW)
    await until(lambda: SLOW_URI in statuses, "the slow analysis never started")
    first = await kill_analysis_process(client, set())
    await kill_analysis_process(client, {first})  # the one the version was sent to again
    await until(lambda: SLOW_URI in published, "nothing was published for the slow document")
    given_up = published[SLOW_URI]
    assert [(d.code, d.severity) for d in given_up] == [
        ("SS000", types.DiagnosticSeverity.Information)
    ]
    assert "analysis process ended 2 times" in given_up[0].message
    # The next version is analysed as usual, in a third process.
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=2, uri=SLOW_URI),
            [types.TextDocumentContentChangeWholeDocument(SLOW)],
        )
    )
    await until(
        lambda: len(errors(published.get(SLOW_URI, []))) == 3_000,
        "the next version was not checked",
    )


async def test_a_process_that_does_not_stop_a_stale_analysis_is_killed_and_replaced(
    vscode: LanguageClient,
) -> None:
    # SIGSTOP stands for an analysis stuck where it checks for no cancel (one long C call).
    client = vscode
    statuses = record_statuses(client)
    published = record_publishes(client)
    open_only(client, SLOW_URI, SLOW)
    await until(lambda: SLOW_URI in statuses, "the slow analysis never started")
    stuck: list[int] = []
    await until(lambda: bool(stuck.extend(children(server_pid(client))) or stuck), "no process")
    for pid in stuck:
        os.kill(pid, signal.SIGSTOP)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=2, uri=SLOW_URI),
            [types.TextDocumentContentChangeWholeDocument(bad_fits(3))],
        )
    )
    await until(
        lambda: [n for uri, n in published.log if uri == SLOW_URI] == [3],
        "the newer version was not checked",
    )
    assert any("did not stop a cancelled analysis" in m.message for m in client.log_messages)
    assert not set(stuck) & set(children(server_pid(client)))


async def test_an_extra_process_ends_once_idle_and_the_documents_are_still_checked(
    vscode: LanguageClient,
) -> None:
    client = vscode
    statuses = record_statuses(client)
    published = record_publishes(client)
    open_only(client, SLOW_URI, SLOW)
    await until(lambda: SLOW_URI in statuses, "the slow analysis never started")
    open_only(client, SMALL_URI, SMALL)  # analysed in a second process: the first is busy
    await until(lambda: len(children(server_pid(client))) == 2, "no second process")
    await until(lambda: SLOW_URI in published, "the slow document was not checked")
    await until(lambda: len(children(server_pid(client))) == 1, "no process ever ended")
    # the process may be gone a moment before its log message reaches the client
    await until(
        lambda: any("idle for 30 s: ended" in m.message for m in client.log_messages),
        "the process that ended was not the idle one",
    )
    # Both documents are analysed in the one left.
    for uri, text in ((SMALL_URI, SMALL), (SLOW_URI, bad_fits(2))):
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=2, uri=uri),
                [types.TextDocumentContentChangeWholeDocument(text)],
            )
        )
    await until(
        lambda: (
            published.log[-2:] in ([(SMALL_URI, 1), (SLOW_URI, 2)], [(SLOW_URI, 2), (SMALL_URI, 1)])
        ),
        "the documents were not checked again",
    )
