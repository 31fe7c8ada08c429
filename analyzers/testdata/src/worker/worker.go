// Package worker has its own AgentTask type, used as a receiver.
package worker

import "api"

// AgentTask is this package's agent task.
type AgentTask struct {
	ID string
}

// Usage runs on the task's receiver but ignores it.
func (t *AgentTask) Usage(c *api.Client) (api.Usage, error) { // want[bearerdetect] Usage:`^bearerOnlyVia\(c\.token\)$`
	return c.GetUsage() // want[taskauth] `^call to bearer-only helper api\.Client\.GetUsage ignores agent task t;`
}

// Check has a value receiver.
func (t AgentTask) Check(c *api.Client) error { // want[bearerdetect] Check:`^bearerOnlyVia\(c\.token\)$`
	_, err := c.GetUsage() // want[taskauth] `^call to bearer-only helper api\.Client\.GetUsage ignores agent task t;`
	return err
}
