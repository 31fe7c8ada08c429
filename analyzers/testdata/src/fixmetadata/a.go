// Package fixmetadata: gRPC metadata sinks.
package fixmetadata

import (
	"context"

	"google.golang.org/grpc/metadata"
)

type Provider struct{ token string }

func (p *Provider) AuthorizationHeaderValue() string { return "Bearer " + p.token }

func (p *Provider) BearerToken() string { return p.token }

func set(md metadata.MD, p *Provider) {
	md.Set("authorization", "Bearer "+p.BearerToken())    // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
	md.Append("authorization", "Bearer "+p.BearerToken()) // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
}

func pairs(p *Provider) metadata.MD {
	return metadata.Pairs("x-id", "1", "authorization", "Bearer "+p.BearerToken()) // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
}

func outgoing(ctx context.Context, p *Provider) context.Context {
	return metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+p.BearerToken()) // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
}

func newMD(p *Provider) metadata.MD {
	return metadata.New(map[string]string{"authorization": "Bearer " + p.BearerToken()}) // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
}

func index(md metadata.MD, p *Provider) {
	md["authorization"] = []string{"Bearer " + p.BearerToken()} // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
}
