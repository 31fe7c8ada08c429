module example.com/codexclient

go 1.26
