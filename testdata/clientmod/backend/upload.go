package backend

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
)

// UploadFile uploads data as a multipart form to /files.
func (c *Client) UploadFile(ctx context.Context, name string, data []byte) (*File, error) {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		return nil, err
	}
	if _, err := fw.Write(data); err != nil {
		return nil, err
	}
	if err := mw.Close(); err != nil {
		return nil, err
	}
	req, err := c.newRequest(ctx, http.MethodPost, "/files", &body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	var f File
	if err := c.send(req, &f); err != nil {
		return nil, err
	}
	return &f, nil
}
