// Package chat posts to Slack with a bot token.
package chat

import "github.com/slack-go/slack"

// Post posts a message to a channel.
func Post(token, channel, text string) error {
	api := slack.New(token) // site
	_, _, err := api.PostMessage(channel, slack.MsgOptionText(text, false))
	return err
}
