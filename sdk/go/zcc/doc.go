// Zoom Contact Center configuration as Pulumi resources, served by the provider plugin pulumi-resource-zcc (every language) and as dynamic resources (TypeScript).
package zcc
