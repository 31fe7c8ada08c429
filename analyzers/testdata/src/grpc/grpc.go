package grpc

import (
	"context"

	"google.golang.org/grpc/metadata"
)

func pairs(ctx context.Context, tok string) context.Context {
	md := metadata.Pairs("authorization", "Bearer "+tok) // want[bearerheader] `hard-codes the Bearer scheme`
	return metadata.NewOutgoingContext(ctx, md)
}

func pairsSecond(tok, id string) metadata.MD {
	return metadata.Pairs("x-request-id", id, "authorization", "Bearer "+tok) // want[bearerheader] `hard-codes the Bearer scheme`
}

func appendToOutgoing(ctx context.Context, tok string) context.Context {
	return metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+tok) // want[bearerheader] `hard-codes the Bearer scheme`
}

func newMD(tok string) metadata.MD {
	return metadata.New(map[string]string{"authorization": "Bearer " + tok}) // want[bearerheader] `hard-codes the Bearer scheme`
}

func setAppend(md metadata.MD, tok string) {
	md.Set("authorization", "Bearer "+tok)    // want[bearerheader] `hard-codes the Bearer scheme`
	md.Append("Authorization", "Bearer "+tok) // want[bearerheader] `hard-codes the Bearer scheme`
}

func index(md metadata.MD, tok string) {
	md["authorization"] = []string{"Bearer " + tok} // want[bearerheader] `hard-codes the Bearer scheme`
}

func literal(tok string) metadata.MD {
	return metadata.MD{"authorization": {"Bearer " + tok}} // want[bearerheader] `hard-codes the Bearer scheme`
}

func notReported(ctx context.Context, md metadata.MD, tok string) context.Context {
	md.Set("x-request-id", "Bearer "+tok)
	_ = md.Get("authorization")
	_ = metadata.Pairs("authorization", "Basic "+tok)
	return metadata.AppendToOutgoingContext(ctx, "x-token", "Bearer "+tok)
}
