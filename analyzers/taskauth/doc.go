// Package taskauth defines an analyzer that reports calls to bearer-only
// helpers that ignore an agent task available to them.
//
// # Analyzer taskauth
//
// taskauth: report bearer-only calls ignoring an available agent task
//
// When a request runs on behalf of an agent task, it must authenticate with
// the task-scoped assertion, not the user's bearer token. taskauth reports a
// call to a bearer-only helper (see bearerhelper; also across packages) in
// a function where an agent task is available — a parameter, the receiver,
// a local variable, or a direct field of the receiver or of a parameter
// (s.agentTask) — when no argument of the call, nor its receiver, derives
// from the task. Calls that pass the task, or an AuthProvider derived from
// it, are not reported; functions without a task never are.
//
// Migrated code is checked too, so that a migration does not hide a task
// that is still ignored: a call of a function F that has a provider-taking
// variant FWithAuth (the shape bearercheck -fix leaves: the same
// signature with token parameters taking an AuthProvider), or of a method
// of a client type that has WithAuth(p) *T (a shallow copy with another
// provider), is reported when it ignores the task, unless its receiver is
// already a WithAuth call. The fix passes the task's provider when the task
// is not nil, and the previous credential otherwise.
//
// Agent task types are configured with agent-task-types (default: a type
// named AgentTask or whose name ends in AgentTask). A header written in the
// function itself is reported once, by bearerheader, whose message names
// the task.
//
// Categories: ignored-task, and ignore-directive for a //bearercheck:ignore
// directive without a reason or that suppresses nothing on a line of its
// findings (or on no finding's line, when it is the first analyzer enabled).
package taskauth
