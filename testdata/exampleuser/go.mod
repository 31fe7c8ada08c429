module example.com/relay

go 1.26

require example.com/acmeclient v0.0.0

replace example.com/acmeclient => ../example
