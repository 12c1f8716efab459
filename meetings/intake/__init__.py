"""Reading articles into proposed meetings for an editor to review."""
