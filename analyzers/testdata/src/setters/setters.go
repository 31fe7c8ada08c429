package setters

import (
	"github.com/acme/sdk/option"
	"github.com/go-resty/resty/v2"
)

// Request is a client request with resty-like setters.
type Request struct{ headers map[string]string }

func (r *Request) SetHeader(k, v string) *Request { return r }

func (r *Request) AddHeader(k, v string) *Request { return r }

func (r *Request) Header(k, v string) *Request { return r }

// Put is not a configured header setter: a write by its shape.
func (r *Request) Put(k, v string) *Request { return r }

func methods(r *Request, tok string) {
	r.SetHeader("Authorization", "Bearer "+tok) // want[bearerheader] `hard-codes the Bearer scheme`
	r.AddHeader("Authorization", "Bearer "+tok) // want[bearerheader] `hard-codes the Bearer scheme`
	r.Header("authorization", "Bearer "+tok)    // want[bearerheader] `hard-codes the Bearer scheme`
	r.Put("Authorization", "Bearer "+tok)       // want[bearerheader] `hard-codes the Bearer scheme`
}

func chained(r *Request, tok string) *Request {
	return r.SetHeader("Accept", "application/json").SetHeader("Authorization", "Bearer "+tok) // want[bearerheader] `hard-codes the Bearer scheme`
}

func restySetHeader(c *resty.Client, tok string) {
	c.SetHeader("Authorization", "Bearer "+tok)     // want[bearerheader] `hard-codes the Bearer scheme`
	c.R().SetHeader("Authorization", "Bearer "+tok) // want[bearerheader] `hard-codes the Bearer scheme`
}

func functionalOption(tok string) []option.RequestOption {
	return []option.RequestOption{
		option.WithBaseURL("https://api.example.com"),
		option.WithHeader("Authorization", "Bearer "+tok), // want[bearerheader] `hard-codes the Bearer scheme`
	}
}

func notReported(r *Request, tok string) {
	r.SetHeader("X-Token", "Bearer "+tok)
	r.SetHeader("Authorization", "Basic "+tok)
}
