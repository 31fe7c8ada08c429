// Package aiclient calls the OpenAI API with an API key.
package aiclient

import (
	"context"

	openai "github.com/sashabaranov/go-openai"
)

// Complete asks for a chat completion.
func Complete(ctx context.Context, key, prompt string) (string, error) {
	c := openai.NewClient(key) // site
	resp, err := c.CreateChatCompletion(ctx, openai.ChatCompletionRequest{
		Model:    openai.GPT4o,
		Messages: []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: prompt}},
	})
	if err != nil {
		return "", err
	}
	return resp.Choices[0].Message.Content, nil
}

// WithBaseURL builds a client for a compatible endpoint.
func WithBaseURL(key, base string) *openai.Client {
	cfg := openai.DefaultConfig(key) // site
	cfg.BaseURL = base
	return openai.NewClientWithConfig(cfg)
}
