// Package jobtask is checked with agent-task-types set to Job.
package jobtask

import (
	"api"
	"auth"
)

// Job is the agent task type of this configuration.
type Job struct {
	ID string
}

// RunJob ignores a task parameter.
func RunJob(job *Job, c *api.Client) (api.Usage, error) {
	return c.GetUsage() // want[taskauth] `^call to bearer-only helper api\.Client\.GetUsage ignores agent task job;`
}

// Runner holds a task in a field.
type Runner struct {
	job    Job
	client *api.Client
}

// Run ignores the task held in a field of the receiver.
func (r *Runner) Run() (api.Usage, error) {
	return r.client.GetUsage() // want[taskauth] `^call to bearer-only helper api\.Client\.GetUsage ignores agent task r\.job;`
}

// Legacy has an AgentTask, which this configuration does not count as a task.
func Legacy(task *auth.AgentTask, c *api.Client) (api.Usage, error) {
	return c.GetUsage()
}
