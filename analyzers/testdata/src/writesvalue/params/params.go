// Package params is in the style of a go-swagger client: a header
// parameter is a field of the operation's parameters, set by setters and
// written to the request later.
package params

import "github.com/acme/sdk/runtime"

// GetUserParams are the parameters of an operation.
type GetUserParams struct {
	Authorization string
	ID            string
}

// SetAuthorization sets the Authorization header parameter.
func (o *GetUserParams) SetAuthorization(authorization string) { o.Authorization = authorization }

// WithAuthorization sets it and returns o.
func (o *GetUserParams) WithAuthorization(authorization string) *GetUserParams {
	o.SetAuthorization(authorization)
	return o
}

// WithID sets the ID.
func (o *GetUserParams) WithID(id string) *GetUserParams {
	o.ID = id
	return o
}

// WriteToRequest writes the parameters to the request.
func (o *GetUserParams) WriteToRequest(r runtime.ClientRequest) error {
	if err := r.SetHeaderParam("Authorization", o.Authorization); err != nil {
		return err
	}
	return r.SetHeaderParam("X-Id", o.ID)
}
